package io.settlekit.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded MongoDB-protocol server (mongo-java-server, in memory, no transactions) on a free loopback
 * port for one test class, with a real driver client; both closed after the class. Register it as a
 * static field.
 */
final class EmbeddedMongo implements BeforeAllCallback, AfterAllCallback {
    private MongoServer server;
    private MongoClient client;
    private int classesUsing;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classesUsing++ == 0) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            // a short server selection, so that a test of a stopped server fails fast
            client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=2000");
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classesUsing == 0) {
            client.close();
            server.shutdownNow();
        }
    }

    /** A new, empty database. */
    MongoDatabase freshDatabase() {
        return client.getDatabase("it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /** The server, e.g. to stop it. */
    MongoServer server() {
        return server;
    }
}
