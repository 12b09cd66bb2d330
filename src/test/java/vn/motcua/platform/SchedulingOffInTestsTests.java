package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.support.IntegrationTest;

/** With motcua.scheduling.enabled=false (the tests), no scheduled job runs by itself: the tests call the jobs. */
class SchedulingOffInTestsTests extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void noScheduledAnnotationProcessorIsRegistered() {
        assertThat(context.containsBean("org.springframework.context.annotation.internalScheduledAnnotationProcessor"))
                .as("something enables @Scheduled processing").isFalse();
    }
}
