package vn.motcua.support;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffCommand;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitCommand;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;

/** Builders of test data with unique identifiers, so tests never collide. */
@Component
public class Fixtures {

    public static final String PASSWORD = "Test@12345";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final OrganizationService org;

    public Fixtures(OrganizationService org) {
        this.org = org;
    }

    /** A fresh identifier in the national pattern, never used before in this run (province part T99). */
    public static String unitCode() {
        int n = SEQ.incrementAndGet();
        return String.format("%03d.%02d.%02d.T99", n / 10000 % 1000, n / 100 % 100, n % 100);
    }

    private static final java.util.concurrent.atomic.AtomicLong NUMBERS = new java.util.concurrent.atomic.AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** A citizen ID (12 digits) or tax code (10 digits) starting with the prefix, never used before in this run. */
    public static String identityNumber(String prefix, int digits) {
        int rest = digits - prefix.length();
        return prefix + String.format("%0" + rest + "d", NUMBERS.incrementAndGet() % (long) Math.pow(10, rest));
    }

    public static String username(String prefix) {
        return prefix + "." + SEQ.incrementAndGet();
    }

    public UnitView province() {
        return org.findUnitByCode("000.00.00.H40").orElseThrow();
    }

    public UnitView agency(String name) {
        return org.createUnit(new UnitCommand(name, unitCode(), UnitKind.AGENCY, UnitLevel.PROVINCE, province().id(), null, null));
    }

    public UnitView child(UnitView parent, String name, UnitKind kind) {
        return org.createUnit(new UnitCommand(name, unitCode(), kind, parent.level(), parent.id(), null, null));
    }

    public UnitView commune(String name) {
        return org.createUnit(new UnitCommand(name, unitCode(), UnitKind.COMMUNE, UnitLevel.COMMUNE, province().id(), null, null));
    }

    public StaffView staff(Role role, UnitView... units) {
        Set<Long> ids = java.util.Arrays.stream(units).map(UnitView::id).collect(java.util.stream.Collectors.toSet());
        return org.createStaff(new StaffCommand(username(role.name().toLowerCase().replace('_', '-')),
                "Cán bộ " + role.name(), PASSWORD, null, null, null, Set.of(role), ids));
    }
}
