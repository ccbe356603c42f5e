package dev.vigil.pii;

/**
 * The check-digit algorithms of the numbers Vigil detects: Luhn (payment cards), СНИЛС and ИНН. Each takes a string
 * of ASCII digits only. Stateless.
 */
final class Checksums {
    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Checksums() {
    }

    /** Whether {@code digits} passes the Luhn (mod 10) check. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return digits.length() > 1 && sum % 10 == 0;
    }

    /**
     * Whether 11 digits are a СНИЛС with the right check number: the first nine digits weighted 9…1, the sum taken
     * mod 101 (100 and 101 give 00). A number of all zeros is not a СНИЛС.
     */
    static boolean snils(String digits) {
        if (digits.length() != 11 || digits.chars().allMatch(c -> c == '0')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int check = sum % 101;
        if (check == 100) {
            check = 0;
        }
        return check == Integer.parseInt(digits.substring(9));
    }

    /** Whether 10 or 12 digits are an ИНН with the right check digit(s). A number of all zeros is not an ИНН. */
    static boolean inn(String digits) {
        if (digits.chars().allMatch(c -> c == '0')) {
            return false;
        }
        if (digits.length() == 10) {
            return check(digits, INN10) == digits.charAt(9) - '0';
        }
        if (digits.length() == 12) {
            return check(digits, INN11) == digits.charAt(10) - '0' && check(digits, INN12) == digits.charAt(11) - '0';
        }
        return false;
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11 % 10;
    }
}
