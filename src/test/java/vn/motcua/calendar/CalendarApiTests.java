package vn.motcua.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** The calendar API of API.md against the demo calendars of 2025–2027. */
class CalendarApiTests extends IntegrationTest {

    @Test
    void givesTheAppointmentWithoutLoginInTheClientsOffset() throws Exception {
        // Friday 14:00 + 1 working day = Monday 14:00
        mvc.perform(get("/api/v1/calendar/due").param("from", "2026-03-13T14:00:00+07:00")
                        .param("amount", "1").param("unit", "WORKING_DAYS"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-03-16T14:00:00+07:00"));
        // the same instant asked in UTC is answered in UTC
        mvc.perform(get("/api/v1/calendar/due").param("from", "2026-03-13T07:00:00Z")
                        .param("amount", "1").param("unit", "WORKING_DAYS"))
                .andExpect(jsonPath("$.due").value("2026-03-16T07:00:00Z"));
    }

    @Test
    void crossesTetWithTheDemoCalendar() throws Exception {
        // Friday 13 Feb 2026 09:00 + 2 working days: Tết 16–20 Feb is off → Tuesday 24 Feb 09:00
        mvc.perform(get("/api/v1/calendar/due").param("from", "2026-02-13T09:00:00+07:00")
                        .param("amount", "2").param("unit", "WORKING_DAYS"))
                .andExpect(jsonPath("$.due").value("2026-02-24T09:00:00+07:00"));
    }

    @Test
    void aYearTheCalendarDoesNotKnowIsAClearError() throws Exception {
        mvc.perform(get("/api/v1/calendar/due").param("from", "2027-12-20T09:00:00+07:00")
                        .param("amount", "30").param("unit", "WORKING_DAYS"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rule").value("calendar-not-defined"))
                .andExpect(jsonPath("$.detail", containsString("2028")));
    }

    @Test
    void badParametersAre400() throws Exception {
        mvc.perform(get("/api/v1/calendar/due").param("from", "yesterday").param("amount", "1").param("unit", "WORKING_DAYS"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anAdministratorReplacesAYearAndOthersCannot() throws Exception {
        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.province());
        String body = """
                {"workingHours":[{"from":"07:00","to":"11:30"},{"from":"13:30","to":"16:30"}],
                 "weekendDays":["SATURDAY","SUNDAY"],"holidays":["2031-01-01"],"makeUpWorkingDays":[],
                 "afterHoursCutoff":"15:00"}""";
        mvc.perform(put("/api/v1/calendar/years/2031").with(httpBasic(officer.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/calendar/years/2031").with(httpBasic(admin.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.afterHoursCutoff").value("15:00:00"));
        mvc.perform(get("/api/v1/calendar/years/2031").with(httpBasic(officer.username(), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.holidays[0]").value("2031-01-01"))
                .andExpect(jsonPath("$.workingHours[0].from").value("07:00:00"));
    }

    @Test
    void aHolidayOutsideItsYearIsRefusedWithTheField() throws Exception {
        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        mvc.perform(put("/api/v1/calendar/years/2032").with(httpBasic(admin.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"workingHours":[{"from":"07:30","to":"11:30"}],"weekendDays":["SUNDAY"],
                                 "holidays":["2031-05-01"],"makeUpWorkingDays":[]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("holidays"));
        mvc.perform(get("/api/v1/calendar/years/2032").with(httpBasic(admin.username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
