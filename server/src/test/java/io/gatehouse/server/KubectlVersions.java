package io.gatehouse.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Source of a {@code @ParameterizedTest(name = "{0}")} taking one {@link Kubectl}: one invocation
 * per installed {@code kubectl.<version>} of {@link #value()} (versions not installed are left
 * out), after the dispatcher when {@link #dispatcher()} is set. With no kubectl at all the test is
 * skipped, and fails under CI ({@link Kubectl#available}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(KubectlVersions.Provider.class)
public @interface KubectlVersions {

  /** The versions, {@code "1.33"} style; the project's acceptance pair by default. */
  String[] value() default {"1.33", "1.30"};

  /** Whether the dispatcher ({@code kubectl} itself) runs the test too, first. */
  boolean dispatcher() default false;

  /** Supplies the binaries; stateless apart from JUnit's per-use instance. */
  final class Provider extends AnnotationBasedArgumentsProvider<KubectlVersions> {
    @Override
    protected Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
        ExtensionContext context, KubectlVersions versions) {
      List<Kubectl> out = new ArrayList<>();
      if (versions.dispatcher()) {
        out.add(Kubectl.dispatcher());
      }
      out.addAll(Kubectl.versions(versions.value()));
      return out.stream().map(Arguments::of);
    }
  }
}
