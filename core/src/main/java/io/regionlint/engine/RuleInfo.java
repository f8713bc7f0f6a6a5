package io.regionlint.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * All of a rule's metadata, in one place. The friendly name is the class name minus
 * {@code Rule} (in kebab case for reports, PascalCase for SARIF); the explanation is the
 * Markdown file named after the class, beside it in resources; the help link derives from the id.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Permanent id: RL + four digits; the first digit is the area (see DESIGN.md). */
    String id();

    /** One line: what the rule reports. */
    String summary();

    Severity severity();

    /** The area, e.g. "inputs", "s3", "iam". */
    String category();

    /** The version that introduced the rule. */
    String since();
}
