package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import java.io.IOException;

/**
 * Something read from a registry (the base image's tree, users, variables or layers) only when a
 * build first asks for it.
 */
@FunctionalInterface
interface RegistryLookup<T> {
  T get() throws IOException, RegistryException, CredentialRetrievalException;
}
