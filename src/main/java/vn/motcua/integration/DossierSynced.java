package vn.motcua.integration;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/**
 * The National Public Service Portal acknowledged a dossier's state as MotCua
 * sent it (create or update): what the Decision 766 indicator "dossiers
 * synced" counts. Published once per acknowledged message, in the
 * transaction that records the acknowledgement.
 *
 * @param code           the dossier's code (mã hồ sơ)
 * @param receivingUnit  the unit that received the dossier
 * @param nationalStatus the national status sent (TrangThaiHoSo, 1–10)
 * @param at             when the acknowledgement arrived
 */
public record DossierSynced(String code, UnitId receivingUnit, int nationalStatus, Instant at) {
}
