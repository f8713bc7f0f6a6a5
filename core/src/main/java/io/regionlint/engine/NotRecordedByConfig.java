package io.regionlint.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a rule whose inputs AWS Config does not record (or regionlint does not map from its
 * items): on deployed state it cannot tell a problem from a missing record. Where a topology
 * holds observed resources (of {@link #types}, or of any type when none are given), the engine
 * drops the rule's findings on observed resources (they would stand on absent evidence), and
 * RL1012 reports once per rule and topology that the rule was not evaluated on deployed state,
 * never a silent pass. Findings on declared resources are kept. A rule that needs only in
 * {@link #partial() part} what Config does not record keeps its findings on observed resources.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NotRecordedByConfig {

    /** What the rule needs that Config does not give, for the note: "Route 53 record sets". */
    String value();

    /**
     * The CloudFormation types whose observed presence makes the rule's silence matter (a rule on
     * multi-Region strong consistency is only relevant where global tables are observed); empty:
     * any observed resource.
     */
    String[] types() default {};

    /**
     * True when only a part of what the rule reads is not recorded ({@link #value} names that
     * part): the rule judges what Config does record, so its findings on observed resources are
     * kept, and RL1012 notes that it was evaluated on deployed state only in part.
     */
    boolean partial() default false;
}
