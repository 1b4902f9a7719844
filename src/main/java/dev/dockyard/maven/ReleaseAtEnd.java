package dev.dockyard.maven;

import java.util.function.Consumer;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Maven's execution listener with the end of the release in front of its SessionEnded: the step
 * runs after the last module, before Maven prints its reactor summary, so a failure it adds to the
 * session's result fails the build. Every other event passes through untouched.
 */
final class ReleaseAtEnd implements ExecutionListener {

  private final ExecutionListener delegate;
  private final Consumer<MavenSession> atEnd;

  ReleaseAtEnd(ExecutionListener delegate, Consumer<MavenSession> atEnd) {
    this.delegate = delegate == null ? new AbstractExecutionListener() : delegate;
    this.atEnd = atEnd;
  }

  @Override
  public void sessionEnded(ExecutionEvent event) {
    try {
      atEnd.accept(event.getSession());
    } catch (RuntimeException e) {
      // Never let the end step hide the build's own result: its failure joins the others.
      event
          .getSession()
          .getResult()
          .addException(
              new MojoExecutionException(
                  "dockyard's end of the reactor failed: " + NamedCause.of(e), NamedCause.of(e)));
    } finally {
      delegate.sessionEnded(event);
    }
  }

  @Override
  public void projectDiscoveryStarted(ExecutionEvent event) {
    delegate.projectDiscoveryStarted(event);
  }

  @Override
  public void sessionStarted(ExecutionEvent event) {
    delegate.sessionStarted(event);
  }

  @Override
  public void projectSkipped(ExecutionEvent event) {
    delegate.projectSkipped(event);
  }

  @Override
  public void projectStarted(ExecutionEvent event) {
    delegate.projectStarted(event);
  }

  @Override
  public void projectSucceeded(ExecutionEvent event) {
    delegate.projectSucceeded(event);
  }

  @Override
  public void projectFailed(ExecutionEvent event) {
    delegate.projectFailed(event);
  }

  @Override
  public void mojoSkipped(ExecutionEvent event) {
    delegate.mojoSkipped(event);
  }

  @Override
  public void mojoStarted(ExecutionEvent event) {
    delegate.mojoStarted(event);
  }

  @Override
  public void mojoSucceeded(ExecutionEvent event) {
    delegate.mojoSucceeded(event);
  }

  @Override
  public void mojoFailed(ExecutionEvent event) {
    delegate.mojoFailed(event);
  }

  @Override
  public void forkStarted(ExecutionEvent event) {
    delegate.forkStarted(event);
  }

  @Override
  public void forkSucceeded(ExecutionEvent event) {
    delegate.forkSucceeded(event);
  }

  @Override
  public void forkFailed(ExecutionEvent event) {
    delegate.forkFailed(event);
  }

  @Override
  public void forkedProjectStarted(ExecutionEvent event) {
    delegate.forkedProjectStarted(event);
  }

  @Override
  public void forkedProjectSucceeded(ExecutionEvent event) {
    delegate.forkedProjectSucceeded(event);
  }

  @Override
  public void forkedProjectFailed(ExecutionEvent event) {
    delegate.forkedProjectFailed(event);
  }
}
