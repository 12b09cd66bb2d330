/**
 * Security shared with other modules' filter chains: the Content Security
 * Policy of pages and the per-address login throttle.
 */
@org.springframework.modulith.NamedInterface("security")
package vn.motcua.platform.security;
