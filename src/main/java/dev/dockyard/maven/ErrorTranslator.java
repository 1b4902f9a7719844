package dev.dockyard.maven;

import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.DockerfileGeneratorException;
import dev.dockyard.engine.EngineException;
import dev.dockyard.registry.CredentialLookupException;
import dev.dockyard.registry.InvalidImageNameException;
import dev.dockyard.select.SelectionException;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one place domain failures become Maven failures: {@link MojoFailureException} for what the
 * user can fix, {@link MojoExecutionException} for what the environment broke; causes chained.
 */
final class ErrorTranslator {

  private ErrorTranslator() {}

  static Exception translate(Exception e) {
    if (e instanceof MojoFailureException || e instanceof MojoExecutionException) {
      return e;
    }
    if (e instanceof DockerfileException
        || e instanceof SelectionException
        || e instanceof InvalidImageNameException
        || e instanceof DockerfileGeneratorException
        || e instanceof CredentialLookupException) {
      return failure(e.getMessage(), e);
    }
    if (e instanceof EngineException engine) {
      return engine.userFixable()
          ? failure(engine.getMessage(), engine)
          : new MojoExecutionException(engine.getMessage(), engine);
    }
    if (e instanceof java.io.UncheckedIOException unchecked) {
      return translate(unchecked.getCause());
    }
    if (e instanceof IOException) {
      return new MojoExecutionException(
          "File access failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    return new MojoExecutionException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }

  /** As {@link #translate(Exception)}, but a full disk is told with the folder that filled. */
  static Exception translate(Exception e, DiskFull disk) {
    return disk.explain(e)
        .<Exception>map(full -> new MojoExecutionException(full, e))
        .orElseGet(() -> translate(e));
  }

  private static MojoFailureException failure(String message, Exception cause) {
    MojoFailureException failure = new MojoFailureException(message);
    failure.initCause(cause);
    return failure;
  }
}
