package dev.dockyard.maven;

import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.DockerfileGeneratorException;
import dev.dockyard.engine.EngineException;
import dev.dockyard.files.FileProblem;
import dev.dockyard.registry.CredentialLookupException;
import dev.dockyard.registry.InvalidImageNameException;
import dev.dockyard.select.SelectionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one place domain failures become Maven failures: {@link MojoFailureException} for what the
 * user can fix, {@link MojoExecutionException} for what the environment broke; causes chained.
 */
final class ErrorTranslator {

  private ErrorTranslator() {}

  /**
   * @param cacheRoot the folder of dockyard's caches, named by I/O failures below it
   */
  static Exception translate(Exception e, Path cacheRoot) {
    if (e instanceof MojoFailureException || e instanceof MojoExecutionException) {
      return e;
    }
    // A failure raised on another thread arrives wrapped: the cause is what happened.
    if ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() instanceof Exception cause) {
      return translate(cause, cacheRoot);
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
    if (e instanceof UncheckedIOException unchecked) {
      return new MojoExecutionException(new FileProblem(cacheRoot).describe(unchecked), e);
    }
    if (e instanceof IOException io) {
      return new MojoExecutionException(new FileProblem(cacheRoot).describe(null, io), e);
    }
    return new MojoExecutionException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }

  /**
   * As {@link #translate(Exception, Path)}, but a full disk is told with the folder that filled.
   */
  static Exception translate(Exception e, Path cacheRoot, DiskFull disk) {
    return disk.explain(e)
        .<Exception>map(full -> new MojoExecutionException(full, e))
        .orElseGet(() -> translate(e, cacheRoot));
  }

  private static MojoFailureException failure(String message, Exception cause) {
    MojoFailureException failure = new MojoFailureException(message);
    failure.initCause(cause);
    return failure;
  }
}
