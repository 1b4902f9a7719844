package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import java.io.IOException;

/**
 * One exchange with a registry, made when called: a read a build makes only when it first asks (the
 * base image's tree, users, variables or layers), a request, a client's login.
 */
@FunctionalInterface
interface RegistryCall<T> {
  T get() throws IOException, RegistryException, CredentialRetrievalException;
}
