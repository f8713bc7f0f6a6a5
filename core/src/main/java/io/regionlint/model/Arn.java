package io.regionlint.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Amazon Resource Name, {@code arn:partition:service:region:account:resource}: the one place
 * ARNs are read and written, for the linkers, the rules and the identity of every modelled
 * resource (see {@link #of(Resource)}).
 *
 * <p>Parsing is as strict as the places that read ARNs need: the partition is {@code aws} or
 * {@code aws-*}, the service and Region are lower-case words (the Region empty for global
 * services such as S3 and IAM), and a part that holds a template token or a wildcard in the
 * service or Region is not an ARN. The account and the resource are kept as written (a policy may
 * write {@code *} or a token there).
 *
 * @param resource everything after the fifth colon: {@code my-bucket/key}, {@code role/path/name},
 *     {@code cluster:orders}, {@code secret:db-AbCdEf}
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    private static final Pattern PARTITION = Pattern.compile("aws(?:-[a-z-]+)?");
    private static final Pattern WORD = Pattern.compile("[a-z0-9-]*");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]*");

    /** The ARN in {@code text}, or empty where the text is not one. */
    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || !PARTITION.matcher(parts[1]).matches() || parts[2].isEmpty()
                || !WORD.matcher(parts[2]).matches() || !WORD.matcher(parts[3]).matches() || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /** The ARN in {@code text} if it is one of {@code service}. */
    public static Optional<Arn> parse(String text, String service) {
        return parse(text).filter(a -> a.service().equals(service));
    }

    /** The name of the bucket a bucket ARN names; empty for an object ARN ({@code bucket/key}) and other text. */
    public static Optional<String> bucket(String text) {
        return parse(text, "s3").map(Arn::resource).filter(r -> r.indexOf('/') < 0);
    }

    /** The ARN in {@code text} if it names an IAM resource of {@code type}: {@code role}, {@code policy}. */
    public static Optional<Arn> iam(String text, String type) {
        return parse(text, "iam").filter(a -> a.resourceType().equals(type));
    }

    /**
     * The ARN in {@code text} if it names a Regional resource of {@code service} and
     * {@code type} with a literal account (or none): how key, cluster and secret references are
     * written, never a pattern with a wildcard or a token in the account.
     */
    public static Optional<Arn> regional(String text, String service, String type) {
        return parse(text, service).filter(a -> !a.region().isEmpty() && ACCOUNT.matcher(a.account()).matches()
                && a.resourceType().equals(type) && a.resource().length() > type.length() + 1);
    }

    /** A KMS key ({@code key/...}) or alias ({@code alias/...}) ARN, see {@link #regional}. */
    public static Optional<Arn> kms(String text) {
        return regional(text, "kms", "key").or(() -> regional(text, "kms", "alias"))
                .filter(a -> a.resource().charAt(a.resourceType().length()) == '/');
    }

    /**
     * The kind of resource, the part of {@link #resource} before its first {@code /} or
     * {@code :}: {@code role}, {@code cluster}, {@code table}, {@code key}; for S3, where the
     * resource is the bucket itself, the empty text.
     */
    public String resourceType() {
        if (service.equals("s3")) {
            return "";
        }
        int end = firstSeparator();
        return end < 0 ? "" : resource.substring(0, end);
    }

    /**
     * The resource's id after its type: {@code path/name} of {@code role/path/name},
     * {@code orders} of {@code cluster:orders}; for S3, the bucket name (without an object key).
     */
    public String resourceId() {
        if (service.equals("s3")) {
            int slash = resource.indexOf('/');
            return slash < 0 ? resource : resource.substring(0, slash);
        }
        int end = firstSeparator();
        return end < 0 ? resource : resource.substring(end + 1);
    }

    /** The last segment of {@link #resourceId}: an IAM role's name without its path. */
    public String name() {
        String id = resourceId();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /** Whether this is the ARN of a resource of {@code service} whose type is {@code type}. */
    public boolean is(String service, String type) {
        return this.service.equals(service) && resourceType().equals(type);
    }

    private int firstSeparator() {
        for (int i = 0; i < resource.length(); i++) {
            char c = resource.charAt(i);
            if (c == '/' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The ARN of a modelled resource where its name, Region and account are known as text: the
     * recorded ARN of an observed resource; for a declared one, from its literal physical name (S3
     * buckets, DynamoDB tables and global tables, RDS global clusters, clusters and instances, IAM
     * roles and managed policies, SNS topics, KMS aliases). Empty where CloudFormation generates
     * the name (a token) or the ARN holds a part the model does not know (a KMS key id, a
     * secret's random suffix), and for types without a modelled ARN.
     */
    public static Optional<Arn> of(Resource r) {
        Optional<Provenance.Observed> observed = r.observed();
        if (observed.isPresent()) {
            return parse(observed.get().arn());
        }
        String name = r.physicalName();
        if (Tokens.containsToken(name) || name.isEmpty()) {
            return Optional.empty();
        }
        String partition = r.partition();
        Optional<String> region = r.region();
        Optional<String> account = r.stack().account();
        return switch (r.type()) {
            case "AWS::S3::Bucket" -> Optional.of(new Arn(partition, "s3", "", "", name));
            case "AWS::IAM::Role", "AWS::IAM::ManagedPolicy" -> account.map(a -> new Arn(partition, "iam", "", a,
                    (r.isType("AWS::IAM::Role") ? "role" : "policy") + path(r) + name));
            case "AWS::RDS::GlobalCluster" -> account.map(a -> new Arn(partition, "rds", "", a,
                    "global-cluster:" + name));
            default -> region.isEmpty() || account.isEmpty() ? Optional.empty()
                    : regional(partition, r.type(), region.get(), account.get(), name);
        };
    }

    private static Optional<Arn> regional(String partition, String type, String region, String account,
                                          String name) {
        return switch (type) {
            case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" ->
                    Optional.of(new Arn(partition, "dynamodb", region, account, "table/" + name));
            case "AWS::RDS::DBCluster" -> Optional.of(new Arn(partition, "rds", region, account, "cluster:" + name));
            case "AWS::RDS::DBInstance" -> Optional.of(new Arn(partition, "rds", region, account, "db:" + name));
            case "AWS::SNS::Topic" -> Optional.of(new Arn(partition, "sns", region, account, name));
            case "AWS::KMS::Alias" -> Optional.of(new Arn(partition, "kms", region, account, name));
            default -> Optional.empty();
        };
    }

    /** An IAM resource's Path ({@code /} where none is given), as its ARN writes it. */
    private static String path(Resource r) {
        Optional<String> path = r.properties().get("Path").flatMap(Value::text).filter(p -> !Tokens.containsToken(p));
        String p = path.orElse("/");
        return p.startsWith("/") ? p : "/" + p;
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
