// Runs an embedded Neo4j 5 (neo4j-harness) with Bolt on 127.0.0.1 until SIGTERM; started by tools/neo4j/start.mjs.
package armsgraph.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

public final class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        int boltPort = intEnv("NEO4J_PORT", 7687);
        int httpPort = intEnv("NEO4J_HTTP_PORT", 0); // 0 = HTTP disabled
        // The page cache holds the store files in memory; too small for ×10 (about 1 GB of store) and every load
        // and read goes to disk.
        int pageCacheMiB = intEnv("NEO4J_PAGECACHE_MB", 512);
        Path dataDir = Path.of(env("NEO4J_DATA_DIR", "data")).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);

        // The harness makes a random "home" folder (Neo4j's own logs) under runDir and deletes it on
        // close(); pointing data_directory at our folder makes the databases persist across restarts.
        Path runDir = dataDir.resolve("run");
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(runDir)
                .withConfig(GraphDatabaseSettings.data_directory, dataDir)
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .withConfig(GraphDatabaseSettings.auth_enabled, false) // any user/password is accepted
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress(HOST, boltPort))
                .withConfig(BoltConnector.advertised_address, new SocketAddress(HOST, boltPort))
                // Bolt otherwise waits 5 s + 5 s for idle connections/threads on shutdown.
                .withConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1));
        if (httpPort > 0) {
            builder = builder.withConfig(HttpConnector.enabled, true)
                    .withConfig(HttpConnector.listen_address, new SocketAddress(HOST, httpPort));
        } else {
            builder = builder.withDisabledServer();
        }

        System.out.println("starting Neo4j (data: " + dataDir + ")");
        long t0 = System.nanoTime();
        Neo4j neo4j = builder.build();
        Path home = neo4j.config().get(GraphDatabaseSettings.neo4j_home);
        removeStaleHomes(runDir, home); // left by killed runs; safe now that we hold the store lock
        System.out.println("Neo4j internal logs: " + home.resolve("logs"));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutting down Neo4j...");
            try {
                neo4j.close();
                System.out.println("Neo4j stopped");
            } catch (RuntimeException e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        System.out.printf("ready on bolt://%s:%d (started in %.1f s)%n", HOST, boltPort, (System.nanoTime() - t0) / 1e9);
        if (httpPort > 0) {
            System.out.println("http on " + neo4j.httpURI());
        }
        stopped.await(); // park the main thread; the shutdown hook releases it on SIGTERM
    }

    private static void removeStaleHomes(Path runDir, Path keep) throws IOException {
        try (Stream<Path> homes = Files.list(runDir)) {
            for (Path stale : homes.filter(p -> !p.equals(keep)).toList()) {
                try (Stream<Path> tree = Files.walk(stale)) {
                    tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }
}
