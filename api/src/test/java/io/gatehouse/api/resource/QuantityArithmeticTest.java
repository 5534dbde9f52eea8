package io.gatehouse.api.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arithmetic, comparison and float conversion, with the vectors of apimachinery's {@code TestAdd},
 * {@code TestSub}, {@code TestQuantityCmp}, {@code TestQuantityAddZeroPreservesSuffix} and
 * {@code TestQuantityAsApproximateFloat64}.
 */
class QuantityArithmeticTest {

  private static final QuantityFormat SI = QuantityFormat.DECIMAL_SI;
  private static final QuantityFormat BIN = QuantityFormat.BINARY_SI;
  private static final QuantityFormat EXP = QuantityFormat.DECIMAL_EXPONENT;

  private static Quantity dec(long mantissa, int exponent, QuantityFormat f) {
    return Quantity.ofDecimal(BigDecimal.valueOf(mantissa, -exponent), f);
  }

  private record Op(String name, Quantity a, Quantity b, Quantity expected, QuantityFormat format) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Op> additions() {
    Quantity zero = Quantity.of(0, SI);
    return List.of(
        new Op("10 + 10", dec(10, 0, SI), dec(1, 1, SI), dec(20, 0, SI), SI),
        new Op("10 + 1 binary", dec(10, 0, SI), dec(1, 0, BIN), dec(11, 0, SI), SI),
        new Op("binary 10 + 1", dec(10, 0, BIN), dec(1, 0, SI), dec(11, 0, BIN), BIN),
        new Op("0 + 50", zero, dec(50, 0, SI), dec(50, 0, SI), SI),
        new Op("50 + 0", dec(50, 0, SI), zero, dec(50, 0, SI), SI),
        new Op("0 + 0", zero, zero, zero, SI),
        new Op("zero takes format", zero, Quantity.parse("1Gi"), Quantity.parse("1Gi"), BIN),
        new Op("int64 overflow", Quantity.of(Long.MAX_VALUE, SI), Quantity.of(1, SI),
            Quantity.ofDecimal(new BigDecimal("9223372036854775808"), SI), SI),
        new Op("50k + 20", Quantity.parse("50k"), Quantity.parse("20"), Quantity.parse("50.02k"),
            SI));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("additions")
  void add_twoQuantities_sumsExactly(Op op) {
    Quantity sum = op.a().add(op.b());
    assertThat(sum.compareTo(op.expected())).isZero();
    assertThat(sum.format()).isEqualTo(op.format());
  }

  static List<Op> subtractions() {
    Quantity zero = Quantity.of(0, SI);
    return List.of(
        new Op("10 - 10", dec(10, 0, SI), dec(1, 1, SI), dec(0, 0, SI), SI),
        new Op("10 - 1 binary", dec(10, 0, SI), dec(1, 0, BIN), dec(9, 0, SI), SI),
        new Op("binary 10 - 1", dec(10, 0, BIN), dec(1, 0, SI), dec(9, 0, BIN), BIN),
        new Op("0 - 50", zero, dec(50, 0, SI), dec(-50, 0, SI), SI),
        new Op("50 - 0", dec(50, 0, SI), zero, dec(50, 0, SI), SI),
        new Op("0 - 0", zero, zero, zero, SI),
        // Upstream negates the int64 mantissa with wrap-around (fixed after Kubernetes 1.33).
        new Op("0 - minimum int64", zero, Quantity.of(Long.MIN_VALUE, EXP),
            Quantity.of(Long.MIN_VALUE, EXP), EXP),
        new Op("50k - 20", Quantity.parse("50k"), Quantity.parse("20"), Quantity.parse("49.98k"),
            SI));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subtractions")
  void sub_twoQuantities_subtractsExactly(Op op) {
    Quantity difference = op.a().sub(op.b());
    assertThat(difference.compareTo(op.expected())).isZero();
    assertThat(difference.format()).isEqualTo(op.format());
  }

  private record Suffix(String value) {
    @Override
    public String toString() {
      return value;
    }
  }

  static List<Suffix> suffixes() {
    return List.of(new Suffix("100m"), new Suffix("1Gi"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suffixes")
  void add_zero_preservesSuffix(Suffix s) {
    Quantity zero = Quantity.parse("0");
    Quantity value = Quantity.parse(s.value());
    assertThat(value.add(zero).toString()).isEqualTo(s.value());
    assertThat(zero.add(value).toString()).isEqualTo(s.value());
    assertThat(value.sub(zero).toString()).isEqualTo(s.value());
    assertThat(zero.sub(value).toString()).isEqualTo("-" + s.value());
  }

  private record Cmp(String x, String y, int expected) {
    @Override
    public String toString() {
      return x + " vs " + y;
    }
  }

  static List<Cmp> comparisons() {
    return List.of(
        new Cmp("0", "0", 0), new Cmp("100m", "50m", 1), new Cmp("50m", "100m", -1),
        new Cmp("10000T", "100Gi", 1), new Cmp("200M", "0.2G", 0), new Cmp("50M", "50Mi", -1),
        new Cmp("50Mi", "50M", 1), new Cmp("1.5Gi", "1536Mi", 0),
        new Cmp("12345678901234567890", "12345678901234567891", -1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisons")
  void compareTo_twoQuantities_ordersNumerically(Cmp c) {
    Quantity x = Quantity.parse(c.x());
    Quantity y = Quantity.parse(c.y());
    assertThat(x.compareTo(y)).isEqualTo(c.expected());
    assertThat(y.compareTo(x)).isEqualTo(-c.expected());
    assertThat(x.equals(y)).isEqualTo(c.expected() == 0);
    if (c.expected() == 0) {
      assertThat(x.hashCode()).isEqualTo(y.hashCode());
    }
  }

  private record Flt(String name, Quantity in, double out) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Flt> floats() {
    double m = 7 * 1024 * 1024;
    return List.of(
        new Flt("0", dec(0, 0, SI), 0.0),
        new Flt("1", dec(1, 0, BIN), 1),
        new Flt("1024", dec(1024, 0, BIN), 1024),
        new Flt("7Mi", dec(7 * 1024 * 1024, 0, BIN), m),
        new Flt("7Mi e1", dec(7 * 1024 * 1024, 1, BIN), m * 10),
        new Flt("7Mi e4", dec(7 * 1024 * 1024, 4, SI), m * 10000),
        new Flt("7Mi e8", dec(7 * 1024 * 1024, 8, EXP), m * 100000000),
        new Flt("7Mi e-1", dec(7 * 1024 * 1024, -1, SI), m * 0.1),
        new Flt("7Mi e-8", dec(7 * 1024 * 1024, -8, SI), m / 100000000),
        new Flt("max int64", Quantity.ofDecimal(BigDecimal.valueOf(Long.MAX_VALUE), BIN),
            Long.MAX_VALUE),
        new Flt("12E", dec(12, 18, SI), 1.2e19),
        new Flt("overflow", dec(12, 500, SI), Double.POSITIVE_INFINITY),
        new Flt("negative overflow", dec(-12, 500, SI), Double.NEGATIVE_INFINITY),
        new Flt("parsed 2Ki", Quantity.parse("2Ki"), 2048),
        new Flt("parsed 1.1Ki", Quantity.parse("1.1Ki"), 1126.4e+0),
        new Flt("parsed 1Mi", Quantity.parse("1Mi"), 1.048576e+06),
        new Flt("parsed 2Gi", Quantity.parse("2Gi"), 2.147483648e+09),
        new Flt("parsed 50.703k", Quantity.parse("50.703k"), 50703),
        // int64 form: 0 times 10^500 is 0 × +Inf in Go too.
        new Flt("zero with huge exponent", Quantity.parse("0e500"), Double.NaN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("floats")
  void asApproximateFloat64_quantity_roundsAsGo(Flt c) {
    // Double.compare, unlike ==, holds NaN equal to itself.
    assertThat(Double.compare(c.in().asApproximateFloat64(), c.out())).isZero();
  }
}
