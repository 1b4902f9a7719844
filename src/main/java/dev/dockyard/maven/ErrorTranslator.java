package dev.dockyard.maven;

import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.engine.EngineException;
import dev.dockyard.files.FileProblem;
import dev.dockyard.registry.CredentialLookupException;
import dev.dockyard.setting.SettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one place domain failures become Maven failures: {@link MojoFailureException} for what the
 * user can fix, {@link MojoExecutionException} for what the environment broke; causes chained, and
 * the settings the core names written in Maven's words ({@link SettingNames}).
 */
final class ErrorTranslator {

  private ErrorTranslator() {}

  /**
   * @param cacheRoot the folder of dockyard's caches, named by I/O failures below it
   */
  static Exception translate(Exception e, Path cacheRoot) {
    if (e instanceof MojoFailureException || e instanceof MojoExecutionException) {
      return named(e);
    }
    // A failure raised on another thread arrives wrapped: the cause is what happened.
    if ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() instanceof Exception cause) {
      return translate(cause, cacheRoot);
    }
    if (e instanceof DockerfileException
        || e instanceof SettingException
        || e instanceof CredentialLookupException) {
      return failure(e.getMessage(), e);
    }
    if (e instanceof EngineException engine) {
      return engine.userFixable()
          ? failure(engine.getMessage(), engine)
          : execution(engine.getMessage(), engine);
    }
    if (e instanceof UncheckedIOException unchecked) {
      return execution(new FileProblem(cacheRoot).describe(unchecked), e);
    }
    if (e instanceof IOException io) {
      return execution(new FileProblem(cacheRoot).describe(null, io), e);
    }
    return execution(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }

  /**
   * As {@link #translate(Exception, Path)}, but a full disk is told with the folder that filled.
   */
  static Exception translate(Exception e, Path cacheRoot, DiskFull disk) {
    return disk.explain(e)
        .<Exception>map(full -> execution(full, e))
        .orElseGet(() -> translate(e, cacheRoot));
  }

  /**
   * A Maven failure built outside this class, with core text in its message: the same failure with
   * the settings named; else the failure itself.
   */
  private static Exception named(Exception e) {
    String message = e.getMessage();
    String rendered = SettingNames.render(message);
    if (rendered == null || rendered.equals(message)) {
      return e;
    }
    Exception same =
        e instanceof MojoFailureException
            ? new MojoFailureException(rendered)
            : new MojoExecutionException(rendered);
    same.initCause(NamedCause.of(e.getCause()));
    same.setStackTrace(e.getStackTrace());
    for (Throwable suppressed : e.getSuppressed()) {
      same.addSuppressed(suppressed);
    }
    return same;
  }

  private static MojoFailureException failure(String message, Exception cause) {
    MojoFailureException failure = new MojoFailureException(SettingNames.render(message));
    failure.initCause(NamedCause.of(cause));
    return failure;
  }

  private static MojoExecutionException execution(String message, Exception cause) {
    return new MojoExecutionException(SettingNames.render(message), NamedCause.of(cause));
  }
}
