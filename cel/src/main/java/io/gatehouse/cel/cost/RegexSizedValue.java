package io.gatehouse.cel.cost;

/**
 * A runtime CEL value whose Kubernetes cost is that of matching a regular expression of {@link
 * #maxRegexSize()} characters: the values of {@code kubernetes.NamedFormat}, whose {@code
 * validate(string)} Kubernetes charges like {@code matches} with the format's {@code MaxRegexSize}.
 *
 * <p>Implementations are immutable.
 */
public interface RegexSizedValue {

  /** Returns upstream's {@code MaxRegexSize} of this format (e.g. 30 for {@code dns1123Label}). */
  long maxRegexSize();
}
