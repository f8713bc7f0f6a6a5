package io.regionlint.rules.input;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Arn;
import io.regionlint.model.Resource;
import io.regionlint.model.UnknownValue;
import io.regionlint.model.UnresolvedPeer;
import io.regionlint.model.Value;
import java.util.Locale;
import java.util.Optional;

/**
 * RL1002: a link whose far end was not loaded or cannot be known, such as a replication
 * destination bucket declared in a template nobody gave us, or the KMS key of a replica. The
 * linker keeps each such link as an unresolved peer; this rule reports each once, at the value
 * that names the peer, so that the rules that stayed silent about it are not mistaken for a
 * clean bill of health.
 */
@RuleInfo(id = "RL1002", summary = "A replication destination or role, the KMS key of a replicated copy, or the"
        + " template a stack set or nested stack deploys is not among the loaded templates, so the checks that need it"
        + " are skipped", severity = Severity.NOTE,
        category = "inputs", since = "0.1.0")
public final class UnresolvedPeerRule implements Rule {

    private static final String KMS_KEY = "KMS key of the ";

    @Override
    public void check(RuleContext context) {
        for (UnresolvedPeer peer : context.topology().unresolvedPeers()) {
            context.report(Site.of(peer.from(), peer.at()), message(peer)).key(peer.kind());
        }
    }

    private static String message(UnresolvedPeer peer) {
        String owner = owner(peer.from());
        Value at = peer.at();
        Optional<String> text = at.text();
        if (peer.kind().startsWith(KMS_KEY)) {
            return "The KMS key of the " + peer.kind().substring(KMS_KEY.length()) + " cannot be located ("
                    + peer.reason() + "), so whether it is a key in that copy's own Region (RL5001) cannot be"
                    + " checked; "
                    + (peer.reason().startsWith("parameter '") ? fixForUnknown(peer.reason(), "resource")
                    : "name the key by its key ARN or alias ARN, or load the template that declares or exports it");
        }
        return switch (peer.kind()) {
            case "replication destination bucket" -> {
                String checks = ", so its Region, versioning and replication back cannot be checked; ";
                if (at instanceof UnknownValue unknown) {
                    yield "The replication destination bucket of " + owner + " cannot be known ("
                            + unknown.reason() + ")" + checks + fixForUnknown(unknown.reason(), "bucket");
                }
                Optional<String> bucket = text.flatMap(Arn::bucket);
                if (bucket.isPresent()) {
                    yield "Replication destination bucket '" + bucket.get() + "' of " + owner
                            + " is not among the loaded templates" + checks + "add its template to the project"
                            + " file, or suppress this note for this bucket if the destination is managed elsewhere";
                }
                yield "Replication destination '" + text.orElse("") + "' of " + owner + " is not an S3 bucket ARN"
                        + checks + "give Destination.Bucket as an ARN, such as !GetAtt Replica.Arn or"
                        + " arn:aws:s3:::replica-bucket";
            }
            case "replication role" -> {
                String checks = ", so its permissions and trust policy cannot be checked; ";
                if (at instanceof UnknownValue unknown) {
                    yield "The replication role of " + owner + " cannot be known (" + unknown.reason() + ")"
                            + checks + fixForUnknown(unknown.reason(), "bucket");
                }
                String role = text.flatMap(t -> Arn.iam(t, "role")).map(Arn::name).orElse(text.orElse(""));
                yield "Replication role '" + role + "' of " + owner + " is not among the loaded templates" + checks
                        + "add the template that declares it to the project file, or suppress this note for this"
                        + " bucket if the role is managed elsewhere";
            }
            // planned, not linked: the reason already says what to change
            case "stack set template", "nested stack template" -> "The template of "
                    + (peer.kind().startsWith("nested") ? "nested stack " : "stack set ") + from(peer.from())
                    + " is not read, so the stack instances it deploys are not checked: " + peer.reason();
            case "stack set Regions" -> "The Regions of stack set " + from(peer.from()) + " are not known, so the"
                    + " stack instances it deploys there are not checked: " + peer.reason();
            default -> {
                String kind = peer.kind().isEmpty() ? "A linked value"
                        : peer.kind().substring(0, 1).toUpperCase(Locale.ROOT) + peer.kind().substring(1);
                yield kind + " of " + owner + " cannot be resolved (" + peer.reason() + "), so the checks that"
                        + " need it are skipped; " + fixForUnknown(peer.reason(), "resource");
            }
        };
    }

    private static String from(Resource from) {
        return "'" + from.logicalId() + "' in stack " + from.stack().name()
                + from.stack().region().map(r -> " (" + r + ")").orElse("");
    }

    private static String owner(Resource from) {
        return (from.isType("AWS::S3::Bucket") ? "bucket " : from.type() + " ") + from.describe();
    }

    private static String fixForUnknown(String reason, String owner) {
        if (reason.startsWith("parameter '") && reason.contains("no value and no default")) {
            return "give that parameter a value with --parameter or in the project file";
        }
        return "where the value is only decided at deploy time by design, suppress this note for this " + owner;
    }
}
