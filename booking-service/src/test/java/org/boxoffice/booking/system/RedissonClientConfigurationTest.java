package org.boxoffice.booking.system;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.redisson.config.Config;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Node;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Whatever the topology, booking's Redisson client never retries a command and connects on first use. */
class RedissonClientConfigurationTest {

    private static final DataRedisProperties PROPERTIES = properties();

    @Test
    void aStandaloneRedisGetsNoRetriesTheConfiguredTimeoutsAndALazyConnection() throws Exception {
        String yaml = RedissonClientConfiguration.config(new DataRedisConnectionDetails() {
            @Override
            public String getPassword() {
                return "s3cret";
            }

            @Override
            public Standalone getStandalone() {
                return Standalone.of("redis.example", 6380, 3);
            }
        }, PROPERTIES).toYAML();

        assertThat(yaml).contains("lazyInitialization: true").contains("singleServerConfig:")
                .contains("address: \"redis://redis.example:6380\"").contains("database: 3")
                .contains("retryAttempts: 0").contains("timeout: 500").contains("connectTimeout: 1000")
                .contains("password: \"s3cret\"");
    }

    @Test
    void sentinelAndClusterGetNoRetriesEither() throws Exception {
        String sentinel = RedissonClientConfiguration.config(new DataRedisConnectionDetails() {
            @Override
            public Sentinel getSentinel() {
                return new Sentinel() {
                    @Override
                    public int getDatabase() {
                        return 0;
                    }

                    @Override
                    public String getMaster() {
                        return "primary";
                    }

                    @Override
                    public List<Node> getNodes() {
                        return List.of(new Node("s1", 26379), new Node("s2", 26379));
                    }

                    @Override
                    public String getUsername() {
                        return null;
                    }

                    @Override
                    public String getPassword() {
                        return null;
                    }
                };
            }
        }, PROPERTIES).toYAML();
        String cluster = RedissonClientConfiguration.config(new DataRedisConnectionDetails() {
            @Override
            public Cluster getCluster() {
                return () -> List.of(new Node("c1", 7000), new Node("c2", 7001));
            }
        }, PROPERTIES).toYAML();

        assertThat(sentinel).contains("sentinelServersConfig:").contains("masterName: \"primary\"")
                .contains("redis://s2:26379").contains("retryAttempts: 0").contains("timeout: 500");
        assertThat(cluster).contains("clusterServersConfig:").contains("redis://c2:7001").contains("retryAttempts: 0")
                .contains("timeout: 500");
    }

    @Test
    void aTopologyItCannotBuildStopsTheStartInsteadOfConnectingSomewhereElse() {
        assertThatIllegalStateException().isThrownBy(() -> RedissonClientConfiguration.config(
                new DataRedisConnectionDetails() {
                    @Override
                    public MasterReplica getMasterReplica() {
                        return () -> List.of(new Node("r1", 6379));
                    }
                }, PROPERTIES)).withMessageContaining("masterreplica");
    }

    /** As booking's application.yml sets them. */
    private static DataRedisProperties properties() {
        DataRedisProperties properties = new DataRedisProperties();
        properties.setTimeout(Duration.ofMillis(500));
        properties.setConnectTimeout(Duration.ofSeconds(1));
        return properties;
    }
}
