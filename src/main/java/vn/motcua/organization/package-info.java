/**
 * Organization: the administrative units of the province (two tiers since
 * 1 July 2025: province and commune), their electronic identifiers, merges and
 * successors; staff accounts with roles and units; API keys; and the scope
 * rule every module uses (an officer sees their units and the units below).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization",
        allowedDependencies = {"shared", "audit"})
package vn.motcua.organization;
