package vn.motcua.integration;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/**
 * The payment platform confirmed (signed callback or query) that a dossier's
 * fee was paid online: what the Decision 766 online-payment group counts.
 * Published once per payment, in the transaction that records it.
 *
 * @param code          the dossier's code
 * @param receivingUnit the unit that received the dossier
 * @param procedureCode the procedure's code
 * @param amountVnd     the amount paid, in đồng
 * @param transactionId the platform's transaction id (MaGiaoDich)
 * @param at            when the platform says it was paid
 */
public record PaymentReceived(String code, UnitId receivingUnit, String procedureCode, long amountVnd,
                              String transactionId, Instant at) {
}
