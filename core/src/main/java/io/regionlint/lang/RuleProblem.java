package io.regionlint.lang;

/** Something wrong with a rule file, at a line and column (both from 1), in words for people. */
public record RuleProblem(int line, int column, String message) {
}
