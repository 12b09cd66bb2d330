package vn.motcua.portal.internal;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which channel has already sent which applicant notice (table {@code
 * notice_channel_delivery}): a notice that failed on one channel is tried
 * again on that channel only. Each statement commits on its own.
 */
@Component
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class NoticeChannelDeliveries {

    private final JdbcClient jdbc;

    NoticeChannelDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> sentBy(long noticeId) {
        return new HashSet<>(jdbc.sql("SELECT channel FROM notice_channel_delivery WHERE notice_id = ?")
                .param(noticeId).query(String.class).list());
    }

    void sent(long noticeId, String channel) {
        jdbc.sql("INSERT INTO notice_channel_delivery (notice_id, channel) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .param(noticeId).param(channel).update();
    }
}
