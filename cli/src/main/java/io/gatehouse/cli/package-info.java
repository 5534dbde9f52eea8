/**
 * The {@code gatehouse} command line: {@code admit}, {@code cel eval} and friends, thin adapters
 * that read manifests, call the engine and print text, JSON, JUnit or SARIF.
 */
@NullMarked
package io.gatehouse.cli;

import org.jspecify.annotations.NullMarked;
