package vn.motcua.integration.internal.catalogue;

import java.util.List;

/**
 * A procedure record as a source gives it, still free text: the national
 * database's record, a public page's fields, or a sheet row. Nothing here is
 * checked yet; {@link DraftBuilder} reads it into a draft.
 *
 * @param seq        the record's place in the source (1-based)
 * @param problem    why the record cannot be read at all (not an object, no code), else null
 * @param channels   filing channels with their times and fees (national shape); empty for text sources
 * @param methods    the filing methods as text ("Trực tiếp; Trực tuyến"), for text sources
 * @param duration   the processing time as text, for text sources
 * @param fee        the fees as text, for text sources
 */
public record RawProcedure(int seq, String problem, String code, String name, String level, List<String> agencies,
                           String field, List<Channel> channels, String methods, String duration, String fee,
                           List<Component> components, List<String> results, List<Legal> legalBasis,
                           List<String> subjects) {

    public RawProcedure {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        channels = channels == null ? List.of() : List.copyOf(channels);
        components = components == null ? List.of() : List.copyOf(components);
        results = results == null ? List.of() : List.copyOf(results);
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /** A record that cannot be read; only its place (and code, if any) is known. */
    public static RawProcedure unreadable(int seq, String code, String problem) {
        return new RawProcedure(seq, problem, code, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A filing channel (KENH) and its processing times (THOIGIAN). */
    public record Channel(String kind, List<Time> times) {
        public Channel {
            times = times == null ? List.of() : List.copyOf(times);
        }
    }

    /** THOIGIANGIAIQUYET, DONVITINH, MOTA and the fees (PHILEPHI) of one time. */
    public record Time(String amount, String unit, String description, List<Charge> fees) {
        public Time {
            fees = fees == null ? List.of() : List.copyOf(fees);
        }
    }

    /** SOTIEN, DONVI, MOTA of one fee (and its code, MAPHILEPHI). */
    public record Charge(String code, String amount, String unit, String description) {
    }

    /** A component (GIAYTO: TENGIAYTO, SOBANCHINH, SOBANSAO), or a line of text with counts in it. */
    public record Component(String name, String originals, String copies, String group) {
    }

    /** A legal document: number (SOVANBAN) and title (TENVANBAN); a text line has both in the title. */
    public record Legal(String number, String title) {
    }
}
