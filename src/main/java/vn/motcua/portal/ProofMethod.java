package vn.motcua.portal;

/**
 * How an account's identity number was proven: a VNeID login, an officer at
 * a one-stop desk who checked the ID card, a one-time code sent to a contact
 * an officer recorded on a desk-filed dossier, or the demo data.
 */
public enum ProofMethod { VNEID, DESK, OTP, DEMO }
