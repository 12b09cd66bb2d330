package vn.motcua.organization;

import java.util.List;

/** A unit with the units below it, for tree views. */
public record UnitNode(UnitView unit, List<UnitNode> children) {

    public int size() {
        return 1 + children.stream().mapToInt(UnitNode::size).sum();
    }
}
