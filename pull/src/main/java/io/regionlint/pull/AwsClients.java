package io.regionlint.pull;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients of one pull: one URL-connection HTTP client shared by every client (no Apache,
 * no Netty), one credentials provider, the SDK's retries for throttling and 5xx, and a bound on
 * the request rate shared by every Region. Clients are made per Region on first use and closed
 * with this object.
 */
public final class AwsClients implements AutoCloseable {

    /** How the SDK retries: {@code adaptive} also slows down on its own when it is throttled. */
    public enum RetryMode { STANDARD, ADAPTIVE }

    private final AwsCredentialsProvider credentials;
    private final Optional<URI> endpoint;
    private final RetryStrategy retryStrategy;
    private final RateLimit rateLimit;
    private final SdkHttpClient http;
    private final Map<String, ConfigClient> config = new LinkedHashMap<>();
    private final Map<String, CloudFormationClient> cloudFormation = new LinkedHashMap<>();

    AwsClients(AwsCredentialsProvider credentials, Optional<URI> endpoint, RetryStrategy retryStrategy,
               RateLimit rateLimit) {
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.retryStrategy = retryStrategy;
        this.rateLimit = rateLimit;
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60)).build();
    }

    /**
     * Clients for a real pull.
     *
     * @param endpoint every request goes there instead of the Regional endpoints: for tests
     *     against a local server only
     * @param maxRequestsPerSecond the bound on requests (attempts included) across all Regions
     */
    public static AwsClients create(Credentials credentials, Optional<URI> endpoint, RetryMode mode,
                                    double maxRequestsPerSecond) {
        RetryStrategy strategy = mode == RetryMode.ADAPTIVE ? AwsRetryStrategy.adaptiveRetryStrategy()
                : AwsRetryStrategy.standardRetryStrategy();
        return new AwsClients(provider(credentials), endpoint, strategy, new RateLimit(maxRequestsPerSecond));
    }

    /** For tests: retries without waiting, so a throttling response costs no time. */
    static AwsClients immediateRetries(Credentials credentials, URI endpoint) {
        RetryStrategy strategy = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                .circuitBreakerEnabled(false).build();
        return new AwsClients(provider(credentials), Optional.of(endpoint), strategy, new RateLimit(1000));
    }

    static AwsCredentialsProvider provider(Credentials credentials) {
        return switch (credentials.kind()) {
            case DEFAULT_CHAIN -> DefaultCredentialsProvider.builder().build();
            case PROFILE -> ProfileCredentialsProvider.create(credentials.profileName());
            case KEYS -> StaticCredentialsProvider.create(credentials.sessionToken()
                    .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(token -> AwsSessionCredentials.create(
                            credentials.accessKeyId(), credentials.secretAccessKey(), token))
                    .orElseGet(() -> AwsBasicCredentials.create(credentials.accessKeyId(),
                            credentials.secretAccessKey())));
        };
    }

    synchronized ConfigClient config(String region) {
        return config.computeIfAbsent(region, r -> configure(ConfigClient.builder(), r).build());
    }

    synchronized CloudFormationClient cloudFormation(String region) {
        return cloudFormation.computeIfAbsent(region, r -> configure(CloudFormationClient.builder(), r).build());
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, String region) {
        builder.region(Region.of(region)).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(retryStrategy)
                        .addExecutionInterceptor(rateLimit).build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    @Override
    public synchronized void close() {
        List<SdkAutoCloseable> all = new ArrayList<>(config.values());
        all.addAll(cloudFormation.values());
        all.forEach(SdkAutoCloseable::close);
        config.clear();
        cloudFormation.clear();
        http.close();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
