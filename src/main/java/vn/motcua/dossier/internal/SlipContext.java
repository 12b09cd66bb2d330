package vn.motcua.dossier.internal;

import java.time.ZoneId;

/**
 * What a slip prints besides the dossier itself: the issuing unit and its
 * parent (the two heading lines on the left), the officer who signs, the
 * public tracking address the receipt's QR code carries, the reason (forms
 * 02–05), the log-book entry number (form 01) and the province's time zone
 * (null means Asia/Ho_Chi_Minh). Any field may be null; the slip then prints
 * a dash or leaves the line out.
 */
public record SlipContext(String unitName, String parentUnitName, String officerName, String trackingUrl,
                          String reason, Integer logBookNumber, ZoneId zone) {
}
