package vn.motcua.feedback.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.organization.OrganizationService;

/**
 * Demo profile: the desk of the Office of the People's Committee that receives
 * PAKN (the province's public administration service centre, whose one-stop
 * officer is {@code motcua.tinh}), then the PAKN, ratings, assessments,
 * surveys and consultations of {@link DemoSatisfactionData}. Loaded once.
 */
@Component
@Profile("demo")
@Order(50)
class DemoFeedbackData implements ApplicationRunner {

    static final String DESK_UNIT = "000.00.20.H40";
    private static final Logger log = LoggerFactory.getLogger(DemoFeedbackData.class);

    private final FeedbackService feedback;
    private final OrganizationService org;
    private final FeedbackStore store;

    DemoFeedbackData(FeedbackService feedback, OrganizationService org, FeedbackStore store) {
        this.feedback = feedback;
        this.org = org;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!store.desks().isEmpty()) {
            return;
        }
        org.findUnitByCode(DESK_UNIT).ifPresent(u -> {
            feedback.registerDesk(u.unitId(), "demo");
            log.info("PAKN desk: {}", u.name());
        });
    }
}
