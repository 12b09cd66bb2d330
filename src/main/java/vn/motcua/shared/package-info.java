/**
 * The few types every module needs: domain errors with rule names, text folding
 * for diacritics-insensitive search, paging. Kept tiny on purpose.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.motcua.shared;
