package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/** A dossier was filed (online filings wait for the desk). */
public record DossierFiled(String code, String procedureCode, UnitId receivingUnit, Channel channel, Instant at) {
}
