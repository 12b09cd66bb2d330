package vn.motcua.dossier;

import java.time.Instant;

/** A dossier was filed (online filings wait for the desk). */
public record DossierFiled(String code, String procedureCode, long receivingUnitId, Channel channel, Instant at) {
}
