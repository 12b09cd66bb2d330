package vn.motcua.reform.internal.plans;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.reform.PlanDetail;
import vn.motcua.reform.PlanUnitProgress;
import vn.motcua.reform.TaskView;
import vn.motcua.shared.ReportWorkbook;

/**
 * A plan's progress as XLSX: sheet 1 lists the tasks (owner unit, deadline,
 * expected output, budget, percentage, state); sheet 2 the share completed by
 * owner unit and the plan's total. Headers in the person's language.
 */
@Component
public class PlanWorkbook {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;

    public PlanWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] xlsx(PlanDetail d, LocalDate today, Locale locale) {
        return ReportWorkbook.bytes(wb -> {
            tasks(wb, d, today, locale);
            units(wb, d, locale);
        });
    }

    private void tasks(XSSFWorkbook wb, PlanDetail d, LocalDate today, Locale locale) {
        Sheet s = wb.createSheet(msg("reform.xlsx.sheet.tasks", locale));
        CellStyle boxed = ReportWorkbook.boxed(wb);
        CellStyle wrapped = ReportWorkbook.wrapped(wb);
        CellStyle centred = ReportWorkbook.centred(wb);
        CellStyle header = ReportWorkbook.headerStyle(wb, ReportWorkbook.bold(wb));
        int last = 8;
        ReportWorkbook.title(s, 0, d.plan().title(), ReportWorkbook.titleStyle(wb), last);
        ReportWorkbook.title(s, 1, msg("reform.xlsx.subtitle", locale, d.plan().year(),
                d.plan().unitName() == null ? msg("reform.plan.province", locale) : d.plan().unitName(), DATE.format(today),
                d.plan().completedPercent(), d.plan().averageProgress()), ReportWorkbook.subtitleStyle(wb), last);
        Row h = s.createRow(3);
        String[] cols = {"no", "task", "owner", "due", "output", "budget", "percent", "state", "completed"};
        for (int c = 0; c < cols.length; c++) {
            ReportWorkbook.header(h, c, msg("reform.xlsx.col." + cols[c], locale), header);
        }
        int r = 4;
        for (TaskView t : d.tasks()) {
            Row row = s.createRow(r);
            ReportWorkbook.number(row, 0, r - 3, centred);
            ReportWorkbook.string(row, 1, t.title(), wrapped);
            ReportWorkbook.string(row, 2, t.ownerUnitName(), wrapped);
            ReportWorkbook.string(row, 3, t.dueOn() == null ? "" : DATE.format(t.dueOn()), centred);
            ReportWorkbook.string(row, 4, t.expectedOutput(), wrapped);
            ReportWorkbook.number(row, 5, t.budgetVnd(), boxed);
            ReportWorkbook.number(row, 6, t.percent(), centred);
            ReportWorkbook.string(row, 7, msg("reform.task.state." + t.state(), locale), boxed);
            ReportWorkbook.string(row, 8, t.completedOn() == null ? "" : DATE.format(t.completedOn()), centred);
            r++;
        }
        ReportWorkbook.fitColumns(s, last, 60, 5, 10);
        ReportWorkbook.printLandscapeA4(s);
    }

    private void units(XSSFWorkbook wb, PlanDetail d, Locale locale) {
        Sheet s = wb.createSheet(msg("reform.xlsx.sheet.units", locale));
        CellStyle wrapped = ReportWorkbook.wrapped(wb);
        CellStyle centred = ReportWorkbook.centred(wb);
        CellStyle header = ReportWorkbook.headerStyle(wb, ReportWorkbook.bold(wb));
        int last = 5;
        ReportWorkbook.title(s, 0, d.plan().title(), ReportWorkbook.titleStyle(wb), last);
        Row h = s.createRow(2);
        String[] cols = {"owner", "tasks", "done", "overdue", "share", "average"};
        for (int c = 0; c < cols.length; c++) {
            ReportWorkbook.header(h, c, msg("reform.xlsx.col." + cols[c], locale), header);
        }
        int r = 3;
        for (PlanUnitProgress u : d.byUnit()) {
            Row row = s.createRow(r++);
            ReportWorkbook.string(row, 0, u.unitName(), wrapped);
            ReportWorkbook.number(row, 1, u.tasks(), centred);
            ReportWorkbook.number(row, 2, u.done(), centred);
            ReportWorkbook.number(row, 3, u.overdue(), centred);
            ReportWorkbook.number(row, 4, u.tasks() == 0 ? 0 : Math.round(u.done() * 100.0 / u.tasks()), centred);
            ReportWorkbook.number(row, 5, u.averageProgress(), centred);
        }
        Row total = s.createRow(r);
        ReportWorkbook.string(total, 0, msg("reform.xlsx.total", locale), wrapped);
        ReportWorkbook.number(total, 1, d.plan().tasks(), centred);
        ReportWorkbook.number(total, 2, d.plan().done(), centred);
        ReportWorkbook.number(total, 3, d.plan().overdue(), centred);
        ReportWorkbook.number(total, 4, d.plan().completedPercent(), centred);
        ReportWorkbook.number(total, 5, d.plan().averageProgress(), centred);
        ReportWorkbook.fitColumns(s, last, 60, 30, 10);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
