package vn.motcua.integration;

/**
 * Whether a national system is connected here: its adapter has everything it
 * needs to talk to it (the payment platform: an address, a partner code and
 * a secret; the others: an address). The one answer the adapters themselves
 * and the other modules (the 766 index's "no source yet") go by.
 */
public interface NationalSystems {

    boolean connected(NationalSystem system);
}
