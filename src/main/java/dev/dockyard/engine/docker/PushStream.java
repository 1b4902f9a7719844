package dev.dockyard.engine.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.dockyard.engine.BuildLog;

/** Follows a push: progress to debug, the registry's digest and any error kept. */
final class PushStream extends ResultCallback.Adapter<PushResponseItem> {

  private final String module;
  private final BuildLog log;
  private volatile String digest;
  private volatile String error;

  PushStream(String module, BuildLog log) {
    this.module = module;
    this.log = log;
  }

  @Override
  public void onNext(PushResponseItem item) {
    if (item.isErrorIndicated()) {
      error =
          item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
              ? item.getErrorDetail().getMessage()
              : item.getError();
      return;
    }
    if (item.getAux() != null && item.getAux().getDigest() != null) {
      digest = item.getAux().getDigest();
    }
    if (item.getStatus() != null) {
      log.debug(
          "["
              + module
              + "] "
              + (item.getId() == null ? "" : item.getId() + ": ")
              + item.getStatus());
    }
  }

  /** The digest the registry reported for the pushed manifest, or null. */
  String digest() {
    return digest;
  }

  /** The error the engine reported, or null when the push succeeded. */
  String error() {
    return error;
  }
}
