package vn.motcua.reform.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.reform.PositionService;
import vn.motcua.reform.PositionView;
import vn.motcua.shared.InvalidParameter;

/** Job positions, their holders and workload; training records. */
@RestController
@RequestMapping("/api/v1/reform")
public class PositionApiController {

    public record NewPosition(Long unit, String code, String name, String competences, Integer planned) {
    }

    public record NewHolder(Long staffId) {
    }

    public record NewTraining(String title, String provider, LocalDate startedOn, LocalDate endedOn, Integer hours, String certificate) {
    }

    private final PositionService positions;

    public PositionApiController(PositionService positions) {
        this.positions = positions;
    }

    @GetMapping("/positions")
    public List<PositionView.Position> positions(@RequestParam long unit, @AuthenticationPrincipal StaffPrincipal me) {
        return positions.positions(unit, me);
    }

    @PostMapping("/positions")
    public PositionView.Position create(@RequestBody(required = false) NewPosition body, @AuthenticationPrincipal StaffPrincipal me,
                                        HttpServletRequest request) {
        positions.requireLeader(me);
        NewPosition b = body == null ? new NewPosition(null, null, null, null, null) : body;
        if (b.unit() == null) {
            throw new InvalidParameter("unit", "validation.required");
        }
        return positions.create(b.unit(), b.code(), b.name(), b.competences(), b.planned(), me, request.getRemoteAddr());
    }

    @PostMapping("/positions/{id}/holders")
    public PositionView.Position assign(@PathVariable long id, @RequestBody(required = false) NewHolder body,
                                        @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        positions.requireLeader(me);
        if (body == null || body.staffId() == null) {
            throw new InvalidParameter("staffId", "validation.required");
        }
        return positions.assign(id, body.staffId(), me, request.getRemoteAddr());
    }

    @DeleteMapping("/positions/{id}/holders/{staffId}")
    public PositionView.Position release(@PathVariable long id, @PathVariable long staffId, @AuthenticationPrincipal StaffPrincipal me,
                                         HttpServletRequest request) {
        return positions.release(id, staffId, me, request.getRemoteAddr());
    }

    @GetMapping("/positions/workload")
    public List<PositionView.Workload> workload(@RequestParam long unit,
                                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                @AuthenticationPrincipal StaffPrincipal me) {
        return positions.workload(unit, from, to, me);
    }

    @GetMapping("/staff/{staffId}/trainings")
    public List<PositionView.Training> trainings(@PathVariable long staffId, @AuthenticationPrincipal StaffPrincipal me) {
        return positions.trainings(staffId, me);
    }

    @PostMapping("/staff/{staffId}/trainings")
    public PositionView.Training addTraining(@PathVariable long staffId, @RequestBody(required = false) NewTraining body,
                                             @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        positions.requireLeader(me);
        NewTraining b = body == null ? new NewTraining(null, null, null, null, null, null) : body;
        return positions.addTraining(staffId, b.title(), b.provider(), b.startedOn(), b.endedOn(), b.hours(), b.certificate(), me,
                request.getRemoteAddr());
    }
}
