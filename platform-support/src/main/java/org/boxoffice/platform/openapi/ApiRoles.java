package org.boxoffice.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.boxoffice.platform.security.Role;

/**
 * Documents that an operation is narrower than its path's security rule, such as an admin-only endpoint under
 * {@code /api/v1/admin/**} (which organizers reach too): the OpenAPI document lists these roles ({@code x-roles})
 * and a 403. It documents the check the operation makes; it does not make it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface ApiRoles {

    Role[] value();
}
