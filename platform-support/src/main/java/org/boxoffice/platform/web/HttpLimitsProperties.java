package org.boxoffice.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every service applies to incoming HTTP requests.
 *
 * @param maxRequestBody largest request body accepted; larger ones get a 413 problem
 */
@ConfigurationProperties("boxoffice.http")
public record HttpLimitsProperties(@DefaultValue("256KB") DataSize maxRequestBody) {
}
