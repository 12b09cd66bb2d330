package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;

/**
 * The acts an officer does on a dossier, one type per legal act, each
 * carrying only its own fields. The API's {@code POST /dossiers/{code}/{action}}
 * body ({@link Act}, the public contract of API.md) and the page's forms are
 * read into one of these by {@link #of}; the aggregate applies it with one
 * method per act, which checks the act's rules, changes the state, writes the
 * history row, owes the applicant their message and registers the events.
 * Which acts an officer may do on a dossier is answered in one place,
 * {@code ActPolicy.allowedActs}, for the API's guard and the page's buttons.
 */
public sealed interface DossierAct {

    /** The act's path segment and history name. */
    Action action();

    /** 1 → 2: the desk takes an online filing; the clock starts. */
    record ReceiveDossier() implements DossierAct {
        public Action action() { return Action.RECEIVE; }
    }

    /** 1 → 3: refused at intake, with the reason the refusal slip (form 03) states. */
    record RefuseDossier(String reason) implements DossierAct {
        public Action action() { return Action.REFUSE; }
    }

    /**
     * 2/4 → 4: the current step is done; the dossier goes to the next step's
     * unit or to {@code toUnit} (inter-agency), optionally to one officer.
     */
    record ForwardDossier(UnitId toUnit, StaffId toOfficer, String note) implements DossierAct {
        public Action action() { return Action.FORWARD; }
    }

    /** 2/4 → 5: the one written request for the missing papers; the clock stops. */
    record RequestSupplement(List<String> items, String reason) implements DossierAct {
        public Action action() { return Action.REQUEST_SUPPLEMENT; }
    }

    /** 5 → 4: the papers came; the clock resumes. */
    record ConfirmSupplement() implements DossierAct {
        public Action action() { return Action.SUPPLEMENT_RECEIVED; }
    }

    /** 2/4 → 6: a fee or tax is awaited; the clock stops. */
    record RequestPayment(long amountVnd, String reason) implements DossierAct {
        public Action action() { return Action.REQUEST_PAYMENT; }
    }

    /** 6 → 4: paid; the clock resumes. */
    record ConfirmPayment() implements DossierAct {
        public Action action() { return Action.PAYMENT_RECEIVED; }
    }

    /** The apology letter (form 04) with a new appointment, once and before the appointment passes. */
    record Apologize(Instant newAppointment, String reason) implements DossierAct {
        public Action action() { return Action.APOLOGIZE; }
    }

    /** 2/4/5 → 8: processing stops (form 05). */
    record StopProcessing(String reason) implements DossierAct {
        public Action action() { return Action.STOP; }
    }

    /** Open → 7: the applicant withdraws the dossier. */
    record WithdrawDossier(String reason) implements DossierAct {
        public Action action() { return Action.WITHDRAW; }
    }

    /**
     * 4 → 9: the leader signs the result; {@code skipReason} says why steps
     * still unfinished are skipped (required when there are some).
     */
    record CompleteDossier(String resultNumber, String resultFileId, String skipReason) implements DossierAct {
        public Action action() { return Action.COMPLETE; }
    }

    /** 9 → 10: the result is handed over in person, sent by post or delivered online. */
    record ReturnResult(Channel channel) implements DossierAct {
        public Action action() { return Action.RETURN; }
    }

    /**
     * The act a request names, read from its body (which may be empty: each
     * act's own rules then say what is missing). An action that is not an
     * officer's act is refused with rule {@code illegal-transition}.
     */
    static DossierAct of(Action action, Act body) {
        Act b = body == null ? Act.empty() : body;
        return switch (action) {
            case RECEIVE -> new ReceiveDossier();
            case REFUSE -> new RefuseDossier(b.reason());
            case FORWARD -> new ForwardDossier(b.toUnit() == null ? null : new UnitId(b.toUnit()),
                    b.toOfficer() == null ? null : new StaffId(b.toOfficer()), b.note());
            case REQUEST_SUPPLEMENT -> new RequestSupplement(b.items(), b.reason());
            case SUPPLEMENT_RECEIVED -> new ConfirmSupplement();
            case REQUEST_PAYMENT -> new RequestPayment(b.amountVnd() == null ? 0 : b.amountVnd(), b.reason());
            case PAYMENT_RECEIVED -> new ConfirmPayment();
            case APOLOGIZE -> new Apologize(b.newAppointmentAt() == null ? null : b.newAppointmentAt().toInstant(), b.reason());
            case STOP -> new StopProcessing(b.reason());
            case WITHDRAW -> new WithdrawDossier(b.reason());
            case COMPLETE -> new CompleteDossier(b.resultNumber(), b.resultFileId(), b.skipReason());
            case RETURN -> new ReturnResult(b.channel() == null ? Channel.IN_PERSON : b.channel());
            case FILE, TRANSFER_TO_SUCCESSOR, SCAN, SUPPLEMENT_SUBMITTED ->
                    throw new vn.motcua.shared.DomainRuleViolation("illegal-transition", "dossier.illegalTransition",
                            action.path(), "?");
        };
    }
}
