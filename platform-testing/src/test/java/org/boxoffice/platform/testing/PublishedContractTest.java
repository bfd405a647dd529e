package org.boxoffice.platform.testing;

import org.boxoffice.platform.testing.PublishedContract.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedContractTest {

    /** A published contract: list a buyer's holds (optional page size), read one hold. */
    private static final String PUBLISHED = document("1.0.0", """
            "/api/v1/holds": { "get": { "operationId": "listHolds",
              "parameters": [ { "name": "size", "in": "query", "required": false, "schema": { "type": "integer" } } ],
              "responses": { "200": { "description": "the holds", "content": { "application/json": {
                "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Hold" } } } } } } } },
            "/api/v1/holds/{id}": { "get": { "operationId": "getHold",
              "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
              "responses": { "200": { "description": "the hold", "content": { "application/json": {
                "schema": { "$ref": "#/components/schemas/Hold" } } } } } } }
            """);

    @Test
    void findsNothingToDoWhenTheServedDocumentIsThePublishedOne() {
        assertThat(PublishedContract.compare(PUBLISHED, PublishedContract.pretty(PUBLISHED)).verdict())
                .isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void refusesARemovedOperationWithoutANewMajorVersion() {
        String served = document("1.1.0", """
                "/api/v1/holds": { "get": { "operationId": "listHolds",
                  "parameters": [ { "name": "size", "in": "query", "required": false, "schema": { "type": "integer" } } ],
                  "responses": { "200": { "description": "the holds", "content": { "application/json": {
                    "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Hold" } } } } } } } }
                """);

        PublishedContract.Comparison comparison = PublishedContract.compare(PUBLISHED, served);

        assertThat(comparison.verdict()).isEqualTo(Verdict.BREAKING);
        assertThat(comparison.changes()).contains("/api/v1/holds/{id}");
    }

    @Test
    void refusesANewRequiredParameterWithoutANewMajorVersion() {
        String served = PUBLISHED.replace("\"required\": false", "\"required\": true");

        assertThat(PublishedContract.compare(PUBLISHED, served).verdict()).isEqualTo(Verdict.BREAKING);
    }

    @Test
    void acceptsABreakingChangeThatComesWithANewMajorVersion() {
        String served = PUBLISHED.replace("\"required\": false", "\"required\": true")
                .replace("\"version\": \"1.0.0\"", "\"version\": \"2.0.0\"");

        assertThat(PublishedContract.compare(PUBLISHED, served).verdict()).isEqualTo(Verdict.BREAKING_WITH_NEW_VERSION);
    }

    @Test
    void callsANewOptionalParameterAndANewOperationCompatible() {
        String served = document("1.0.0", """
                "/api/v1/holds": { "get": { "operationId": "listHolds",
                  "parameters": [ { "name": "size", "in": "query", "required": false, "schema": { "type": "integer" } },
                    { "name": "page", "in": "query", "required": false, "schema": { "type": "integer" } } ],
                  "responses": { "200": { "description": "the holds", "content": { "application/json": {
                    "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Hold" } } } } } } } },
                "/api/v1/holds/{id}": { "get": { "operationId": "getHold",
                  "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                  "responses": { "200": { "description": "the hold", "content": { "application/json": {
                    "schema": { "$ref": "#/components/schemas/Hold" } } } } } },
                  "delete": { "operationId": "releaseHold",
                  "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                  "responses": { "204": { "description": "released" } } } }
                """);

        PublishedContract.Comparison comparison = PublishedContract.compare(PUBLISHED, served);

        assertThat(comparison.verdict()).isEqualTo(Verdict.COMPATIBLE);
        assertThat(comparison.changes()).contains("/api/v1/holds/{id}").contains("page");
    }

    @Test
    void seesADescriptionChangeAsADifferenceToCommit() {
        String served = PUBLISHED.replace("\"description\": \"the hold\"", "\"description\": \"one hold\"");

        assertThat(PublishedContract.compare(PUBLISHED, served).verdict()).isEqualTo(Verdict.COMPATIBLE);
    }

    @Test
    void readsOnlyAHigherMajorAsANewMajorVersion() {
        assertThat(PublishedContract.newMajorVersion("1.4.2", "2.0.0")).isTrue();
        assertThat(PublishedContract.newMajorVersion("1.4.2", "1.5.0")).isFalse();
        assertThat(PublishedContract.newMajorVersion("2.0.0", "1.9.0")).isFalse();
        assertThat(PublishedContract.newMajorVersion("v1", "v2")).isTrue();
        assertThat(PublishedContract.newMajorVersion("1.0.0", "1.0.0")).isFalse();
    }

    private static String document(String version, String paths) {
        return """
                { "openapi": "3.1.0",
                  "info": { "title": "Boxoffice booking-service", "version": "%s" },
                  "paths": { %s },
                  "components": { "schemas": { "Hold": { "type": "object", "required": [ "id" ],
                    "properties": { "id": { "type": "string" }, "remainingSeconds": { "type": "integer" } } } } } }
                """.formatted(version, paths);
    }
}
