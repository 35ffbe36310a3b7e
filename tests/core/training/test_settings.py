"""Training settings: defaults, JSON round trip, and a clear error naming each bad field."""

import dataclasses

import pytest

from core.training.settings import TrainingSettings


def test_defaults_are_valid_and_round_trip_through_a_dict():
    settings = TrainingSettings()
    assert TrainingSettings.from_dict(settings.to_dict()) == settings


def test_round_trip_keeps_every_field():
    settings = TrainingSettings(optimizer="momentum", lr=0.5, optimizer_options={"momentum": 0.8},
                                epochs=7, batch_size=3, weight_decay=0.1, l1=0.01, seed=4,
                                split=(0.5, 0.25, 0.25), dtype="float64", target_loss=0.02,
                                early_stopping_patience=3, standardize=True)
    data = settings.to_dict()
    assert data["split"] == [0.5, 0.25, 0.25]
    assert TrainingSettings.from_dict(data) == settings


def test_optimizer_name_is_case_insensitive_and_builds_the_optimizer():
    settings = TrainingSettings(optimizer="Adam", lr=0.003, optimizer_options={"beta1": 0.8})
    assert settings.optimizer == "adam"
    optimizer = settings.create_optimizer()
    assert optimizer.lr == 0.003 and optimizer.beta1 == 0.8


def test_settings_are_frozen_and_an_edit_is_a_new_checked_object():
    options = {"momentum": 0.8}
    settings = TrainingSettings(optimizer="momentum", optimizer_options=options)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.lr = 0.5
    options["momentum"] = 0.1  # the caller's dict is not the settings' own
    assert settings.optimizer_options == {"momentum": 0.8}
    edited = dataclasses.replace(settings, lr=0.5)
    assert (edited.lr, settings.lr) == (0.5, 0.03)
    with pytest.raises(ValueError, match="lr: -1 must be above 0"):
        dataclasses.replace(settings, lr=-1)


def test_changed_keys_name_exactly_the_fields_an_edit_changed():
    settings = TrainingSettings()
    assert settings.changed_keys(settings) == frozenset()
    edited = dataclasses.replace(settings, lr=0.5, epochs=100, split=[0.8, 0.1, 0.1])
    assert settings.changed_keys(edited) == {"lr", "split"}  # epochs stayed 100


@pytest.mark.parametrize(("changes", "message"), [
    ({"optimizer": "rocket"}, "optimizer: unknown optimizer 'rocket'"),
    ({"lr": 0}, "lr: 0 must be above 0"),
    ({"lr": float("nan")}, "lr must be a number, not NaN"),
    ({"lr": float("inf")}, "lr is too large a number"),
    ({"lr": 10**400}, "lr is too large a number"),
    ({"lr": 5000.0}, "lr: 5000.0 must lie between 1e-10 and 1000"),
    ({"lr": 1e-11}, "lr: 1e-11 must lie between 1e-10 and 1000"),
    ({"lr": "fast"}, "lr must be a number, not 'fast'"),
    ({"l1": [0.1] * 40}, "l1 must be a number, not [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1…"),
    ({"optimizer": "sgd", "optimizer_options": {"momentum": 0.9}},
     "optimizer_options: sgd has no hyperparameter 'momentum'"),
    ({"optimizer": "momentum", "optimizer_options": {"momentum": 1.5}},
     "optimizer_options.momentum: 1.5 must be at least 0 and below 1"),
    ({"epochs": 0}, "epochs must be a whole number from 1 to 10,000,000, not 0"),
    ({"epochs": 2.5}, "epochs must be a whole number from 1 to 10,000,000, not 2.5"),
    ({"batch_size": True}, "batch_size must be a whole number from 1 to 10,000,000, not True"),
    ({"weight_decay": -1}, "weight_decay: -1 must be 0 or more"),
    ({"seed": -3}, "seed must be a whole number from 0 to 4,294,967,295, not -3"),
    ({"seed": 10**400}, "seed must be a whole number from 0 to 4,294,967,295, not "
                        "100000000000000000000000000000000000000…"),
    ({"split": (0.5, 0.5)}, "split: must be three numbers"),
    ({"split": (0.5, 0.4, 0.4)}, "must add up to 1"),
    ({"split": (0.0, 0.5, 0.5)}, "the training part must not be 0"),
    ({"split": (1.2, -0.1, -0.1)}, "split (validation): -0.1 must be 0 or more"),
    ({"dtype": "float16"}, "dtype: 'float16' is not one of float32, float64"),
    ({"target_loss": -0.1}, "target_loss: -0.1 must be 0 or more"),
    ({"early_stopping_patience": 0}, "early_stopping_patience must be a whole number from 1"),
    ({"early_stopping_patience": 5, "split": (1.0, 0.0, 0.0)},
     "the validation part of the split must not be 0"),
    ({"standardize": "yes"}, "standardize: must be true or false"),
])
def test_bad_values_name_the_field(changes, message):
    with pytest.raises(ValueError) as info:
        TrainingSettings(**changes)
    assert message in str(info.value)


@pytest.mark.parametrize(("data", "message"), [
    ([], "settings must be an object"),
    ({"learning_rate": 0.1}, "settings has an unknown field: learning_rate — if a newer "
                             "NetCanvas made it, update NetCanvas to open it"),
    ({"split": "70/15/15"}, "split: must be three numbers"),
    ({"optimizer": 3}, "optimizer: must be text, not int"),
    ({"optimizer_options": [0.9]}, "optimizer_options must be a mapping"),
])
def test_from_dict_refuses_hand_edited_shapes(data, message):
    with pytest.raises(ValueError) as info:
        TrainingSettings.from_dict(data)
    assert message in str(info.value)
