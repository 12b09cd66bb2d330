package vn.motcua.portal.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import vn.motcua.dossier.DossierCompleted;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.organization.OfficerScope;
import vn.motcua.portal.NotificationChannel;

/**
 * Tells the applicant, in Vietnamese, when the dossier is received, refused,
 * needs a supplement, or has its result ready. The listeners run after the
 * act commits, from the event publication registry: a message whose sending
 * failed (or whose node stopped) stays recorded there as incomplete, to be
 * resubmitted. The listeners only read (one statement, the dossier), so they
 * run without a transaction of their own: two round trips fewer per message.
 */
@Component
class DossierNotifications {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final DossierService dossiers;
    private final List<NotificationChannel> channels;
    private final MessageSource messages;
    private final String publicUrl;
    private final vn.motcua.portal.RatingService ratings;

    DossierNotifications(DossierService dossiers, List<NotificationChannel> channels, MessageSource messages,
                         @Value("${motcua.public-url:http://localhost:8080}") String publicUrl,
                         vn.motcua.portal.RatingService ratings) {
        this.ratings = ratings;
        this.dossiers = dossiers;
        this.channels = channels;
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DossierReceived event) {
        DossierView d = dossier(event.code());
        notify(d, "received", d.appointmentAt() == null ? "" : DATE.format(d.appointmentAt()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DossierRefused event) {
        notify(dossier(event.code()), "refused", event.reason());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SupplementRequested event) {
        notify(dossier(event.code()), "supplement", String.join("; ", event.items()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(vn.motcua.dossier.DossierReturned event) {
        DossierView d = dossier(event.code());
        String link = publicUrl + "/public/rating/" + d.code() + "?t=" + ratings.token(d.code());
        notify(d, "returned", link);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DossierCompleted event) {
        notify(dossier(event.code()), "completed", event.resultNumber());
    }

    private DossierView dossier(String code) {
        return dossiers.get(code, OfficerScope.everything(null));
    }

    private void notify(DossierView d, String what, String detail) {
        String subject = messages.getMessage("notify." + what + ".subject", new Object[] {d.code()}, VI);
        String body = messages.getMessage("notify." + what + ".body", new Object[] {d.applicant().fullName(), d.code(),
                d.procedureName(), detail == null ? "" : detail, publicUrl + "/public/tracking/" + d.code()}, VI);
        NotificationChannel.Recipient to = new NotificationChannel.Recipient(d.applicant().fullName(),
                d.applicant().email(), d.applicant().phone());
        for (NotificationChannel c : channels) {
            c.send(to, subject, body);
        }
    }
}
