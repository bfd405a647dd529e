/**
 * Who the client is: address ranges, the proxies trusted to say who they forwarded for, and the key a per-client
 * limit counts under. Plain Java, parsed once at start-up, shared by the reactive gateway and the servlet services.
 */
@NullMarked
package org.boxoffice.platform.network;

import org.jspecify.annotations.NullMarked;
