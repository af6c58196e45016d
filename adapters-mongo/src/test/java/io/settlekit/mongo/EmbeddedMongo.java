package io.settlekit.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The MongoDB server of one test class, with a real driver client; both closed after the class. Register it
 * as a static field. By default an embedded MongoDB-protocol server (mongo-java-server, in memory, no
 * transactions) on a free loopback port; when {@value #SERVER_VARIABLE} names a server (a connection string,
 * e.g. {@code mongodb://127.0.0.1:27017}), the same tests run unchanged against it, each on fresh databases
 * dropped after the class.
 */
final class EmbeddedMongo implements BeforeAllCallback, AfterAllCallback {
    /** The environment variable naming a real MongoDB server for the tests. */
    static final String SERVER_VARIABLE = "SETTLEKIT_MONGO_URL";

    private final boolean embeddedOnly;
    private MongoServer server;
    private MongoClient client;
    private String uri;
    private final List<MongoDatabase> created = new ArrayList<>();
    private int classesUsing;

    /** The server named by {@value #SERVER_VARIABLE}, or an embedded one. */
    EmbeddedMongo() {
        this(false);
    }

    private EmbeddedMongo(boolean embeddedOnly) {
        this.embeddedOnly = embeddedOnly;
    }

    /** Always an embedded server, whatever {@value #SERVER_VARIABLE} says (e.g. to stop it in a test). */
    static EmbeddedMongo alwaysEmbedded() {
        return new EmbeddedMongo(true);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classesUsing++ == 0) {
            String named = System.getenv(SERVER_VARIABLE);
            if (!embeddedOnly && named != null && !named.isBlank()) {
                uri = named.strip();
                client = MongoClients.create(uri);
                return;
            }
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            // a short server selection, so that a test of a stopped server fails fast
            uri = "mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=2000";
            client = MongoClients.create(uri);
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classesUsing == 0) {
            if (server == null) {
                created.forEach(MongoDatabase::drop); // a real server: leave nothing behind
            }
            created.clear();
            client.close();
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    /** A new, empty database. */
    synchronized MongoDatabase freshDatabase() {
        MongoDatabase database = client.getDatabase("it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        created.add(database);
        return database;
    }

    /** The server's connection string, for another process (may hold credentials: never log it). */
    String uri() {
        return uri;
    }

    /** The embedded server, e.g. to stop it (only of {@link #alwaysEmbedded()}, or without {@value #SERVER_VARIABLE}). */
    MongoServer server() {
        if (server == null) {
            throw new IllegalStateException("the tests run on the server named by " + SERVER_VARIABLE + ", not an embedded one");
        }
        return server;
    }
}
