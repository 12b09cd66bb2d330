package vn.motcua.catalog;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import vn.motcua.organization.UnitLevel;

/** A published procedure as search results list it; {@code duration} is that of its first case. */
@JsonPropertyOrder({"code", "version", "name", "level", "field", "agency", "duration", "onlineLevel", "feeVnd"})
public record ProcedureSummary(String code, int version, String name, UnitLevel level, String field, UnitRef agency,
                               ProcessingTime duration, OnlineLevel onlineLevel, long feeVnd) {

    public ProcedureSummary withAgency(UnitRef newAgency) {
        return new ProcedureSummary(code, version, name, level, field, newAgency, duration, onlineLevel, feeVnd);
    }
}
