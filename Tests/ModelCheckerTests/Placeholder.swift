import ModelChecker
import Testing
