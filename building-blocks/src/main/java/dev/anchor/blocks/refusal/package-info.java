/**
 * The refusals every domain throws, in domain words and free of HTTP: building-blocks' problem mappers turn each into
 * the same problem+json in every service, so a service only maps the refusals that are its own.
 */
package dev.anchor.blocks.refusal;
