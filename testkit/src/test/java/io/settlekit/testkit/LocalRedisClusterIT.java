package io.settlekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.testkit.servers.LocalRedisCluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The test cluster launcher starts a working 3-master cluster and always leaves no process behind. */
class LocalRedisClusterIT {

    private static long redisChildren() {
        return ProcessHandle.current().children().filter(p -> p.info().command().orElse("").contains("redis")).count();
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void startsThreeMastersAndTearsThemDown() {
        LocalRedisCluster cluster = new LocalRedisCluster(3);
        List<Integer> ports;
        try {
            cluster.start();
            ports = cluster.ports();
            assertThat(ports).hasSize(3);
            assertThat(cluster.command(ports.get(0), "CLUSTER", "INFO")).contains("cluster_state:ok", "cluster_known_nodes:3");
            assertThat(redisChildren()).isEqualTo(3);
        } finally {
            cluster.close();
        }
        assertThat(redisChildren()).isZero();
        assertThat(ports).noneMatch(LocalRedisClusterIT::answers);
        cluster.close(); // idempotent
    }

    @Test
    void aFailedStartLeavesNoProcessBehind() {
        LocalRedisCluster broken = new LocalRedisCluster(3, "redis-server", "/nonexistent/redis-cli");

        assertThatThrownBy(broken::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not start a local Redis Cluster")
                .hasMessageContaining("apt-get install -y redis-server");

        assertThat(redisChildren()).isZero();
        assertThat(broken.ports()).isEmpty();
    }
}
