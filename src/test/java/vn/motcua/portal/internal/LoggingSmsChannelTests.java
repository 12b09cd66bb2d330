package vn.motcua.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.motcua.portal.NotificationChannel;

/** The SMS stand-in logs that a message left, never the whole phone number nor the message's body. */
class LoggingSmsChannelTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingSmsChannel.class);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        captured.start();
        logger.addAppender(captured);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
        logger.setLevel(level);
    }

    @Test
    void thePhoneNumberIsMaskedButItsLastThreeDigitsAndTheBodyIsNotLogged() {
        new LoggingSmsChannel().send(new NotificationChannel.Recipient("Trần Thị Mai", null, "0912345678"),
                "Mã xác thực danh tính", "Mã của bạn là 482913");
        new LoggingSmsChannel().send(new NotificationChannel.Recipient("Tổ chức", null, "+84983456789"), "Hồ sơ đã có kết quả", "…");
        new LoggingSmsChannel().send(new NotificationChannel.Recipient("Không số", "a@example.vn", null), "Không gửi", "…");

        assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("SMS to *******678: Mã xác thực danh tính", "SMS to +********789: Hồ sơ đã có kết quả");
        assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("0912345678") || m.contains("912345") || m.contains("482913"));
    }

    @Test
    void contactsAreMaskedTheSameWayOnPages() {
        assertThat(Masking.phone("0366111222")).isEqualTo("*******222");
        assertThat(Masking.phone("12")).isEqualTo("12");
        assertThat(Masking.email("tran.thi.mai@example.vn")).isEqualTo("t***@e***.vn");
        assertThat(Masking.email("x@localhost")).isEqualTo("x***@l***");
        assertThat(Masking.email("broken")).isEqualTo("***");
    }
}
