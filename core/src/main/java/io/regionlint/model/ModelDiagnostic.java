package io.regionlint.model;

import io.regionlint.load.SourceRange;

/**
 * Something resolution met in a stack instance that rules must hear about: an intrinsic function
 * CloudFormation would reject, or template content that was not modelled (a loop whose collection
 * is not known, a transform that is not expanded). The value concerned stays unknown and the run
 * carries on; the input rules report these.
 *
 * @param kind what was met
 * @param stack the stack instance it was met in
 * @param range where the function or the unmodelled content stands
 * @param pointer its JSON Pointer in the template
 * @param message a sentence naming the problem and what to change
 */
public record ModelDiagnostic(Kind kind, StackInstance stack, SourceRange range, String pointer, String message) {

    /** What resolution met. */
    public enum Kind {
        /** An intrinsic function, reference or condition that CloudFormation would reject (RL1007). */
        INTRINSIC_INVALID,
        /** Resources that exist when deployed but were not modelled, so no rule checked them (RL1008). */
        NOT_CHECKED
    }

    /** Where and what, without the stack: the same problem in every Region's copy is one problem. */
    public String site() {
        return kind + "|" + range.file() + "|" + range.line() + "|" + range.column() + "|" + pointer + "|" + message;
    }
}
